"""The `yinsi` command. Each verb lives in its own module here and is found automatically."""
