// CPython 3.11 reads an f-string as one string token, then parses its body (Parser/string_parser.c):
// a replacement field ends at the first quote of the token's own kind, format specs nest at most
// two levels, and the body has errors of its own, which CPython reports just past the token:
//
//     f'{x:{x:{x}}}'          f-string: expressions nested too deeply
//     f"{f'{f"{x}"}'}"        f-string: unterminated string        (the token is f"{f'{f")
//     f'{1'                   f-string: expecting '}'
//     f'{x!z}'                f-string: invalid conversion character: expected 's', 'r', or 'a'
//     f'a}'                   f-string: single '}' is not allowed
//
// tree-sitter reads f-strings as Python 3.12 does (nested quotes, any depth), so these are found here.

const CLOSER: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/** MAXLEVEL of CPython's f-string expression scanner. */
const MAX_BRACKETS = 200;

/**
 * The error of an f-string token's body (between its quotes), in CPython's words, or null. Pushes on
 * `alignments` where a format spec starts with `=` (`{total:=10.1f}`, `=` alignment): tree-sitter reads
 * `:=` there as a walrus, which CPython never does in a replacement field outside brackets.
 */
export function fstringError(body: string, raw: boolean, alignments: number[] = []): string | null {
  let i = 0;
  const end = body.length;

  /** Literal text and replacement fields, up to the body's end (level 0) or the `}` that ends a format spec. */
  const parse = (level: number): string | null => {
    for (;;) {
      // The literal part.
      while (i < end) {
        let c = body[i]!;
        if (!raw && c === "\\" && i + 1 < end) {
          i++;
          c = body[i]!;
          if (c === "N") {
            i++;
            if (body[i] === "{") {
              i++;
              while (i < end && body[i++] !== "}");
            }
            continue;
          }
        }
        if (c === "{" || c === "}") {
          if (level === 0 && body[i + 1] === c) {
            i += 2;
            continue;
          }
          if (level === 0 && c === "}") return "f-string: single '}' is not allowed";
          break;
        }
        i++;
      }
      if (i >= end || body[i] === "}") break;
      const error = field(level);
      if (error !== null) return error;
    }
    if (level > 0 && body[i] !== "}") return "f-string: expecting '}'";
    return null;
  };

  /** A replacement field, from its `{` to its `}`. */
  const field = (level: number): string | null => {
    if (level >= 2) return "f-string: expressions nested too deeply";
    i++;
    const start = i;
    let quote = "";
    const brackets: string[] = [];
    for (; i < end; i++) {
      const c = body[i]!;
      if (c === "\\") return "f-string expression part cannot include a backslash";
      if (quote !== "") {
        if (body.startsWith(quote, i)) {
          i += quote.length - 1;
          quote = "";
        }
      } else if (c === "'" || c === '"') {
        quote = body.startsWith(c.repeat(3), i) && i + 2 < end ? c.repeat(3) : c;
        i += quote.length - 1;
      } else if (c === "[" || c === "(" || c === "{") {
        if (brackets.length >= MAX_BRACKETS) return "f-string: too many nested parenthesis";
        brackets.push(c);
      } else if (c === "#") {
        return "f-string expression part cannot include '#'";
      } else if (brackets.length === 0 && "!:}=<>".includes(c)) {
        // `!=`, `==`, `<=`, `>=`, and a lone `<` or `>`, are operators inside the expression.
        if (body[i + 1] === "=" && "!=<>".includes(c)) i++;
        else if (c !== "<" && c !== ">") break;
      } else if (c === "]" || c === ")" || c === "}") {
        const opener = brackets.pop();
        if (opener === undefined) return `f-string: unmatched '${c}'`;
        if (CLOSER[opener] !== c) return `f-string: closing parenthesis '${c}' does not match opening parenthesis '${opener}'`;
      }
    }
    if (quote !== "") return "f-string: unterminated string";
    if (brackets.length > 0) return `f-string: unmatched '${brackets[brackets.length - 1]}'`;
    if (i >= end) return "f-string: expecting '}'";
    if (body.slice(start, i).trim() === "") return "f-string: empty expression not allowed";
    if (body[i] === "=") {
      i++;
      while (i < end && /\s/.test(body[i]!)) i++;
      if (i >= end) return "f-string: expecting '}'";
    }
    if (body[i] === "!") {
      i++;
      if (i >= end) return "f-string: expecting '}'";
      const conversion = body[i++]!;
      if (conversion !== "s" && conversion !== "r" && conversion !== "a") return "f-string: invalid conversion character: expected 's', 'r', or 'a'";
    }
    if (i < end && body[i] === ":") {
      i++;
      if (i >= end) return "f-string: expecting '}'";
      if (body[i] === "=") alignments.push(i);
      const error = parse(level + 1);
      if (error !== null) return error;
    }
    if (i >= end || body[i] !== "}") return "f-string: expecting '}'";
    i++;
    return null;
  };

  return parse(0);
}
