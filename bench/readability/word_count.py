# String processing: split a text into words, count them, print the most common.
TEXT = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness."""


def words(text: str) -> list[str]:
    cleaned = ""
    for ch in text.lower():
        cleaned += ch if ch.isalpha() or ch.isspace() else " "
    return cleaned.split()


def count(items: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


all_words = words(TEXT)
counts = count(all_words)
print(f"{len(all_words)} words, {len(counts)} distinct")
common = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:4]
for word, n in common:
    print(f"{word:>8} {'*' * n} {n}")
print(", ".join(word.capitalize() for word in counts if len(word) > 5))
title = " ".join(w[0].upper() + w[1:] for w in "a tale of two cities".split())
print(title, "|", title.center(28, "-"))
