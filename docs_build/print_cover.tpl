{#- Cover of the combined print page (mkdocs-print-site-plugin renders it with `config` and `page`).
    The build date comes from mkdocs-macros' built-in now(), the one clock the build already has.
    The title is a paragraph, not a heading, so the PDF's bookmarks start at the contents. -#}
{%- set macros = config.plugins.get("macros") -%}
<div class="print-cover">
  <p class="print-cover__kicker">Handbook</p>
  <p class="print-cover__title">{{ config.site_name }}</p>
  {%- if config.site_description %}
  <p class="print-cover__description">{{ config.site_description }}</p>
  {%- endif %}
  {%- if macros %}
  {%- set built = macros.macros["now"]() %}
  <p class="print-cover__date">Built on <time datetime="{{ built.strftime('%Y-%m-%d') }}">{{ built.strftime('%d %B %Y').lstrip('0') }}</time></p>
  {%- endif %}
  <p class="print-cover__note">The calculator results in this copy are the ones computed for the default inputs when the
    site was built. Open the site to change the inputs and recompute.</p>
  {%- if config.copyright %}
  <p class="print-cover__copyright">{{ config.copyright }}</p>
  {%- endif %}
</div>
