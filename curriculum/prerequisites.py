"""Prerequisite graph rules, as plain functions so they can be tested without a database."""


def find_prerequisite_cycle(module_id, prerequisite_ids, prerequisites_of):
    """Return the cycle that giving ``module_id`` these prerequisites would create, or None.

    ``prerequisites_of(ids)`` returns ``{id: set(prerequisite ids)}`` for the stored modules.
    The cycle is a list of ids starting and ending with ``module_id``.
    """
    if module_id is None:
        return None  # a module that does not exist yet cannot be anyone's prerequisite
    if module_id in prerequisite_ids:
        return [module_id, module_id]
    # Breadth-first from the new prerequisites; the parent map reconstructs the path.
    parents = {prerequisite: module_id for prerequisite in prerequisite_ids}
    frontier = list(prerequisite_ids)
    while frontier:
        edges = prerequisites_of(frontier)
        next_frontier = []
        for node in frontier:
            for prerequisite in edges.get(node, ()):
                if prerequisite == module_id:
                    chain = [node]
                    while parents[chain[-1]] != module_id:
                        chain.append(parents[chain[-1]])
                    return [module_id, *reversed(chain), module_id]
                if prerequisite not in parents:
                    parents[prerequisite] = node
                    next_frontier.append(prerequisite)
        frontier = next_frontier
    return None
