# Word count: a text split into words with split(), counted in a dict, the most common words printed.
def make_text(lines):
    words = ["the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "and", "runs", "away", "again"]
    out = []
    for i in range(lines):
        line = []
        for j in range(12):
            line.append(words[(i * 7 + j * j) % len(words)])
        out.append(" ".join(line))
    return "\n".join(out)


def count_words(text):
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def main():
    text = make_text(100000)
    total = 0
    for _ in range(5):
        counts = count_words(text)
        total += len(counts)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    for word, count in ranked[:5]:
        print(f"{word:<8}{count:>8}")
    print("distinct words over 5 passes:", total)
    print("words:", sum(counts.values()))


main()
