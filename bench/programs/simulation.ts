// Hand-written TypeScript version of simulation.py.
class Vector {
  constructor(
    public x: number,
    public y: number,
  ) {}

  add(other: Vector): Vector {
    return new Vector(this.x + other.x, this.y + other.y);
  }

  scale(factor: number): Vector {
    return new Vector(this.x * factor, this.y * factor);
  }
}

class Particle {
  constructor(
    public position: Vector,
    public velocity: Vector,
    public mass: number,
  ) {}

  step(dt: number, size: number): void {
    this.position = this.position.add(this.velocity.scale(dt));
    if (this.position.x < 0 || this.position.x > size) this.velocity = new Vector(-this.velocity.x, this.velocity.y);
    if (this.position.y < 0 || this.position.y > size) this.velocity = new Vector(this.velocity.x, -this.velocity.y);
  }

  energy(): number {
    return 0.5 * this.mass * (this.velocity.x * this.velocity.x + this.velocity.y * this.velocity.y);
  }
}

class World {
  particles: Particle[] = [];
  constructor(public size: number) {}

  add(particle: Particle): void {
    this.particles.push(particle);
  }

  step(dt: number): void {
    for (const p of this.particles) p.step(dt, this.size);
  }

  energy(): number {
    let total = 0;
    for (const p of this.particles) total += p.energy();
    return total;
  }
}

function main(): void {
  const world = new World(100);
  for (let i = 0; i < 1000; i++) {
    const position = new Vector((i % 100) * 1.0, ((i * 7) % 100) * 1.0);
    const velocity = new Vector(((i % 13) - 6) * 0.5, ((i % 7) - 3) * 0.25);
    world.add(new Particle(position, velocity, 1.0 + (i % 5)));
  }
  for (let k = 0; k < 1000; k++) world.step(0.1);
  console.log(`energy: ${world.energy().toFixed(3)}`);
  const first = world.particles[0].position;
  console.log(`first particle: (${first.x.toFixed(3)}, ${first.y.toFixed(3)})`);
}

main();
