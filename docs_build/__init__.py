"""Build-time glue for the handbook: the macros pages call and the hooks that ship the Python runtime."""
