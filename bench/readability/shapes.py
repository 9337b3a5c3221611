# A small class hierarchy: a base class, overridden methods, super().__init__ and sorting by a key.
import math


class Shape:
    def __init__(self, name: str) -> None:
        self.name = name

    def area(self) -> float:
        raise NotImplementedError

    def describe(self) -> str:
        return f"{self.name} with area {self.area():.2f}"


class Circle(Shape):
    def __init__(self, radius: float) -> None:
        super().__init__("circle")
        self.radius = radius

    def area(self) -> float:
        return math.pi * self.radius**2


class Rectangle(Shape):
    def __init__(self, width: float, height: float) -> None:
        super().__init__("rectangle")
        self.width = width
        self.height = height

    def area(self) -> float:
        return self.width * self.height


class Square(Rectangle):
    def __init__(self, side: float) -> None:
        super().__init__(side, side)
        self.name = "square"


shapes: list[Shape] = [Circle(1.5), Rectangle(2, 3.5), Square(2), Circle(0.5)]
for shape in sorted(shapes, key=lambda s: s.area()):
    print(shape.describe())

total = sum(shape.area() for shape in shapes)
print(f"total area: {total:.3f}")
print("rectangles:", len([s for s in shapes if isinstance(s, Rectangle)]))
try:
    Shape("blob").area()
except NotImplementedError:
    print("a plain Shape has no area")
