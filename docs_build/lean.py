"""Lean pages: what a page's first paint does not need stays off its critical path.

Runs at ``on_post_page`` (and ``on_post_template``, for 404.html), on each page's finished HTML
(after mkdocs-minify-plugin has minified it, before anything in ``on_post_build`` reads the files):

- mkdocs-print-site-plugin links its stylesheets and script into every page, but only the combined
  print page (``print_page/``, written by the plugin itself in ``on_post_build`` and never passed
  through here) uses them: they are taken out of every other page;
- ``print.css`` holds only ``@media print`` and ``@page`` rules, so it is linked with
  ``media="print"``: the browser still fetches it for printing, but no longer waits for it to paint.
"""

from __future__ import annotations

import re

__all__ = ["lean_page"]

# The plugin's own assets, as MkDocs links them on a page (relative paths, quotes optional).
_PRINT_SITE_ASSETS = re.compile(
    r"""<link\b[^>]*\bhref=["']?[^"'\s>]*\bcss/print-site(?:-\w+)?\.css["']?[^>]*>"""
    r"""|<script\b[^>]*\bsrc=["']?[^"'\s>]*\bjs/print-site\.js["']?[^>]*>\s*</script>"""
)
# Our print stylesheet, minified or not, linked without a media attribute.
_PRINT_STYLESHEET = re.compile(
    r"""<link\b(?![^>]*\bmedia=)([^>]*\bhref=["']?[^"'\s>]*assets/stylesheets/print(?:\.min)?\.css\b[^>]*)>"""
)


def lean_page(html: str) -> str:
    """``html`` without the print plugin's assets, and with print.css linked for print media only.

    >>> page = ('<link rel="stylesheet" href="../css/print-site.css"><link rel="stylesheet" '
    ...         'href="../assets/stylesheets/print.min.css"><script src="../js/print-site.js"></script>')
    >>> lean_page(page)
    '<link rel="stylesheet" href="../assets/stylesheets/print.min.css" media="print">'
    >>> lean_page(lean_page(page)) == lean_page(page)
    True
    """
    html = _PRINT_SITE_ASSETS.sub("", html)
    return _PRINT_STYLESHEET.sub(r'<link\1 media="print">', html)
