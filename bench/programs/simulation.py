# A class-heavy simulation: particles with float fields moved by small steps, bouncing off walls.
class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def scale(self, factor):
        return Vector(self.x * factor, self.y * factor)


class Particle:
    def __init__(self, position, velocity, mass):
        self.position = position
        self.velocity = velocity
        self.mass = mass

    def step(self, dt, size):
        self.position = self.position.add(self.velocity.scale(dt))
        if self.position.x < 0.0 or self.position.x > size:
            self.velocity = Vector(-self.velocity.x, self.velocity.y)
        if self.position.y < 0.0 or self.position.y > size:
            self.velocity = Vector(self.velocity.x, -self.velocity.y)

    def energy(self):
        return 0.5 * self.mass * (self.velocity.x * self.velocity.x + self.velocity.y * self.velocity.y)


class World:
    def __init__(self, size):
        self.size = size
        self.particles = []

    def add(self, particle):
        self.particles.append(particle)

    def step(self, dt):
        for p in self.particles:
            p.step(dt, self.size)

    def energy(self):
        total = 0.0
        for p in self.particles:
            total += p.energy()
        return total


def main():
    world = World(100.0)
    for i in range(1000):
        position = Vector(i % 100 * 1.0, i * 7 % 100 * 1.0)
        velocity = Vector((i % 13 - 6) * 0.5, (i % 7 - 3) * 0.25)
        world.add(Particle(position, velocity, 1.0 + i % 5))
    for _ in range(1000):
        world.step(0.1)
    print(f"energy: {world.energy():.3f}")
    first = world.particles[0].position
    print(f"first particle: ({first.x:.3f}, {first.y:.3f})")


main()
