# A small shop inventory: a class for the products, restocking, and a report sorted by value.
class Product:
    def __init__(self, name: str, price: float, stock: int) -> None:
        self.name = name
        self.price = price
        self.stock = stock

    def value(self) -> float:
        return self.price * self.stock


products = [Product("pen", 1.5, 40), Product("notebook", 3.25, 12), Product("stapler", 8.0, 3)]
products.append(Product("eraser", 0.5, 100))

for product in products:
    if product.stock < 10:
        product.stock += 20
        print(f"restocked {product.name}")

for product in sorted(products, key=lambda p: p.value(), reverse=True):
    print(f"{product.name:<10}{product.stock:>5}{product.value():>10.2f}")

cheapest = min(products, key=lambda p: p.price)
print("cheapest:", cheapest.name)
print("total value:", sum(p.value() for p in products))
