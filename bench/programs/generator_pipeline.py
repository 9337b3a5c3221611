# A generator pipeline: numbers -> squares of the odd ones -> running total, over 1,000,000 items.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def odd_squares(source):
    for x in source:
        if x % 2 == 1:
            yield x * x


def scaled(source, factor):
    for x in source:
        yield x // factor


def main():
    total = 0
    count = 0
    for value in scaled(odd_squares(numbers(1000000)), 1000):
        total += value
        count += 1
    print("count:", count)
    print("total:", total)
    print("sum of a generator expression:", sum(x % 7 for x in numbers(1000000)))


main()
