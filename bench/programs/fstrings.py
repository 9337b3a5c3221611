# String building with f-strings: a report of 300,000 lines, joined, then measured.
def line(i, name, price):
    return f"{i:>6} | {name:<8} | {price:8.2f} | {'even' if i % 2 == 0 else 'odd'}"


def report(n):
    names = ["alpha", "beta", "gamma", "delta", "epsilon"]
    lines = []
    for i in range(n):
        lines.append(line(i, names[i % len(names)], i * 1.25))
    return "\n".join(lines)


def main():
    text = report(300000)
    print(len(text))
    print(text[:120])
    words = 0
    for part in text.split("|"):
        if part.strip() == "odd":
            words += 1
    print("odd rows:", words)
    summary = ""
    for i in range(20000):
        summary += f"{i},"
    print(len(summary), summary[-12:])


main()
