# Comprehensions over a class's marks: lists, dicts and sets, with filters.
students = ["ada", "grace", "alan", "barbara", "edsger"]
marks = [91, 78, 85, 62, 70]

passed = [name for name, mark in zip(students, marks) if mark >= 70]
print("passed:", passed)

by_name = {name: mark for name, mark in zip(students, marks)}
print("grace scored", by_name["grace"])

letters = {name: ("A" if mark >= 90 else "B" if mark >= 80 else "C") for name, mark in by_name.items()}
print(letters)

initials = {name[0].upper() for name in students}
print("initials:", sorted(initials))

curved = [min(100, mark + 5) for mark in marks]
average = sum(curved) / len(curved)
print(f"curved average: {average:.1f}")

ranking = sorted(by_name, key=lambda name: by_name[name], reverse=True)
for place, name in enumerate(ranking[:3], start=1):
    print(f"{place}. {name} ({by_name[name]})")
