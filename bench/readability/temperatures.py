# A week of temperatures: conversions, the warmest day, and the days above the average.
def to_fahrenheit(celsius: float) -> float:
    return celsius * 9 / 5 + 32


week = [("Mon", 18.5), ("Tue", 21.0), ("Wed", 19.5), ("Thu", 24.0), ("Fri", 22.5)]
for day, celsius in week:
    print(f"{day}: {celsius:.1f} C = {to_fahrenheit(celsius):.1f} F")

warmest = max(week, key=lambda d: d[1])
print("warmest:", warmest[0], warmest[1])

average = sum(t for _, t in week) / len(week)
print(f"average: {average:.2f}")
above = [day for day, t in week if t > average]
print("above average:", ", ".join(above))
