# Two tellers update one balance; a lock keeps the read-modify-write of each deposit together.
import asyncio


class Account:
    def __init__(self, owner: str) -> None:
        self.owner = owner
        self.balance = 0
        self.lock = asyncio.Lock()

    async def deposit(self, amount: int) -> None:
        async with self.lock:
            current = self.balance
            await asyncio.sleep(0.001)
            self.balance = current + amount

    async def withdraw(self, amount: int) -> bool:
        async with self.lock:
            if amount > self.balance:
                return False
            await asyncio.sleep(0.001)
            self.balance -= amount
            return True


async def teller(name: str, account: Account, amounts: list[int]) -> None:
    for amount in amounts:
        await account.deposit(amount)
    print(f"{name} deposited {sum(amounts)}")


async def main() -> None:
    account = Account("Ada")
    await asyncio.gather(teller("alice", account, [10, 20, 30]), teller("bob", account, [5, 15, 25]))
    print(f"{account.owner} has {account.balance}")
    ok = await account.withdraw(500)
    print("withdraw 500:", "ok" if ok else "refused")
    ok = await account.withdraw(60)
    print("withdraw 60:", "ok" if ok else "refused", "->", account.balance)


asyncio.run(main())
