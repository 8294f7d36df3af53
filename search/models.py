# The search index models arrive with the search issue.
