// Hand-written TypeScript twin of grades.py: arrays and a Map; the runtime's Dict only to print a dict.
import { Dict, format, print } from "@pyts/runtime";

const students = ["ada", "grace", "alan", "barbara", "edsger"];
const marks = [91, 78, 85, 62, 70];

const passed = students.filter((_, i) => marks[i]! >= 70);
print("passed:", passed);

const byName = new Map(students.map((name, i) => [name, marks[i]!]));
print("grace scored", byName.get("grace"));

const letter = (mark: number) => (mark >= 90 ? "A" : mark >= 80 ? "B" : "C");
print(new Dict([...byName].map(([name, mark]) => [name, letter(mark)] as const)));

const initials = new Set(students.map((name) => name[0]!.toUpperCase()));
print("initials:", [...initials].sort());

const curved = marks.map((mark) => Math.min(100, mark + 5));
const average = curved.reduce((a, b) => a + b, 0) / curved.length;
print(`curved average: ${format(average, ".1f")}`);

const ranking = [...byName.keys()].sort((a, b) => byName.get(b)! - byName.get(a)!);
ranking.slice(0, 3).forEach((name, i) => print(`${i + 1}. ${name} (${byName.get(name)})`));
