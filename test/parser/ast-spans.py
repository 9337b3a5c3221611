# Prints a JSON object mapping each path read from stdin (one per line) to the sorted rows
# [type, lineno, col_offset, end_lineno, end_col_offset] of every node that has a position,
# skipping the inside of f-strings (3.11 gives those nodes positions of its own making).
import ast
import json
import sys

result = {}
for line in sys.stdin:
    path = line.rstrip("\n")
    if not path:
        continue
    with open(path, "rb") as f:
        tree = ast.parse(f.read())
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            skip.update(id(inner) for inner in ast.walk(node) if inner is not node)
    result[path] = sorted(
        [type(n).__name__, n.lineno, n.col_offset, n.end_lineno, n.end_col_offset]
        for n in ast.walk(tree)
        if hasattr(n, "lineno") and id(n) not in skip
    )
json.dump(result, sys.stdout)
