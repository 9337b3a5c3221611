// Hand-written TypeScript twin of shapes.py.
import { NotImplementedError, format, print } from "@pyts/runtime";

class Shape {
  constructor(public name: string) {}

  area(): number {
    throw new NotImplementedError();
  }

  describe(): string {
    return `${this.name} with area ${format(this.area(), ".2f")}`;
  }
}

class Circle extends Shape {
  constructor(public radius: number) {
    super("circle");
  }

  override area(): number {
    return Math.PI * this.radius ** 2;
  }
}

class Rectangle extends Shape {
  constructor(
    public width: number,
    public height: number,
  ) {
    super("rectangle");
  }

  override area(): number {
    return this.width * this.height;
  }
}

class Square extends Rectangle {
  constructor(side: number) {
    super(side, side);
    this.name = "square";
  }
}

const shapes: Shape[] = [new Circle(1.5), new Rectangle(2, 3.5), new Square(2), new Circle(0.5)];
for (const shape of [...shapes].sort((a, b) => a.area() - b.area())) {
  print(shape.describe());
}

const total = shapes.reduce((sum, shape) => sum + shape.area(), 0);
print(`total area: ${format(total, ".3f")}`);
print("rectangles:", shapes.filter((s) => s instanceof Rectangle).length);
try {
  new Shape("blob").area();
} catch (e) {
  if (!(e instanceof NotImplementedError)) throw e;
  print("a plain Shape has no area");
}
