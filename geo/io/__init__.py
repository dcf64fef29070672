"""Input and output: articles, frontline snapshots, fetching, output files."""
