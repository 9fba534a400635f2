"""Import and export: files from other tools into the Farley file, and back out."""
