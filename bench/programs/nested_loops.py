# Nested loops over lists and dicts: a grid of numbers, row and column sums, and a word histogram.
def build_grid(n):
    grid = []
    for i in range(n):
        row = []
        for j in range(n):
            row.append((i * 31 + j * 17) % 100)
        grid.append(row)
    return grid


def column_sums(grid):
    sums = [0] * len(grid[0])
    for row in grid:
        for j in range(len(row)):
            sums[j] += row[j]
    return sums


def histogram(words):
    counts = {}
    for word in words:
        if word in counts:
            counts[word] += 1
        else:
            counts[word] = 1
    return counts


def main():
    grid = build_grid(300)
    total = 0
    for _ in range(100):
        sums = column_sums(grid)
        total += max(sums) - min(sums)
    print("spread total:", total)
    words = ["apple", "banana", "cherry", "date", "elder", "fig", "grape"]
    text = []
    for i in range(2000000):
        text.append(words[(i * 7) % len(words)])
    counts = histogram(text)
    for word in sorted(counts):
        print(word, counts[word])
    best = ""
    for word, count in counts.items():
        if best == "" or count > counts[best]:
            best = word
    print("most common:", best)


main()
