# Prints a JSON object mapping each path read from stdin (one per line) to CPython's
# `ast.dump(ast.parse(source))`, or to null when CPython rejects the file.
import ast
import json
import sys

result = {}
for line in sys.stdin:
    path = line.rstrip("\n")
    if not path:
        continue
    with open(path, "rb") as f:
        source = f.read()
    try:
        result[path] = ast.dump(ast.parse(source))
    except SyntaxError:
        result[path] = None
json.dump(result, sys.stdout)
