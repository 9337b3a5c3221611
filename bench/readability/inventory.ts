// Hand-written TypeScript twin of inventory.py: a class with typed fields, sorting by a key, and
// Python's format specs through the runtime's `format`.
import { float, format, print } from "@pyts/runtime";

class Product {
  constructor(
    public name: string,
    public price: number,
    public stock: number,
  ) {}

  value(): number {
    return this.price * this.stock;
  }
}

const products = [new Product("pen", 1.5, 40), new Product("notebook", 3.25, 12), new Product("stapler", 8.0, 3)];
products.push(new Product("eraser", 0.5, 100));

for (const product of products) {
  if (product.stock < 10) {
    product.stock += 20;
    print(`restocked ${product.name}`);
  }
}

for (const product of [...products].sort((a, b) => b.value() - a.value())) {
  print(`${product.name.padEnd(10)}${String(product.stock).padStart(5)}${format(product.value(), ">10.2f")}`);
}

const cheapest = products.reduce((best, p) => (p.price < best.price ? p : best));
print("cheapest:", cheapest.name);
print("total value:", float(products.reduce((sum, p) => sum + p.value(), 0)));
