"""GeoBrief: conflict news to a map you can trust."""
