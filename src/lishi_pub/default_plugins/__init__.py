"""Built-in exporters, each an ordinary plugin module (see plugins.DEFAULT_PLUGINS)."""
