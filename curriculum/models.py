# Modules and course paths arrive with the curriculum issue.
