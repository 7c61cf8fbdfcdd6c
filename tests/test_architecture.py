"""The layers hold: no module of BEN imports a module that imports it back.

import-linter (run by `dev.py test`, contracts in pyproject.toml) checks the direction of
imports between layers; this test checks the cycles inside them, function-level imports
included (grimp reads every import statement, not only those at module level).
"""

import grimp

PACKAGES = ("cms", "ben_plugins", "ben_example_plugin")


def strongly_connected_components(graph: grimp.ImportGraph) -> list[set[str]]:
    """Tarjan's algorithm over the direct imports between modules."""
    index: dict[str, int] = {}
    lowlink: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []

    def visit(module: str) -> None:
        work = [(module, iter(sorted(graph.find_modules_directly_imported_by(module))))]
        index[module] = lowlink[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        while work:
            current, imported = work[-1]
            for other in imported:
                if other not in graph.modules:
                    continue
                if other not in index:
                    index[other] = lowlink[other] = len(index)
                    stack.append(other)
                    on_stack.add(other)
                    work.append((other, iter(sorted(graph.find_modules_directly_imported_by(other)))))
                    break
                if other in on_stack:
                    lowlink[current] = min(lowlink[current], index[other])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    lowlink[parent] = min(lowlink[parent], lowlink[current])
                if lowlink[current] == index[current]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == current:
                            break
                    components.append(component)

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return components


def test_no_module_imports_a_module_that_imports_it_back():
    graph = grimp.build_graph(*PACKAGES)
    cycles = [sorted(component) for component in strongly_connected_components(graph)]
    cycles = [component for component in cycles if len(component) > 1]
    assert cycles == []


def test_cycle_finder_finds_a_cycle():
    graph = grimp.ImportGraph()
    for module in ("a", "a.b", "a.c", "a.d"):
        graph.add_module(module)
    graph.add_import(importer="a.b", imported="a.c")
    graph.add_import(importer="a.c", imported="a.b")
    graph.add_import(importer="a.d", imported="a.b")
    assert sorted(map(sorted, strongly_connected_components(graph))) == [
        ["a"],
        ["a.b", "a.c"],
        ["a.d"],
    ]
