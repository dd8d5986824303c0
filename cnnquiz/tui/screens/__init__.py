"""One screen a file; the app pushes them by key or from the command palette."""
