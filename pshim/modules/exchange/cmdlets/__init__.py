"""Exchange cmdlets, one file per noun family."""
