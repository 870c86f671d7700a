"""The default configuration, shipped inside the package as `monitor._feeds`."""
