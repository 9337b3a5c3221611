// Hand-written TypeScript twin of bank_lock.py: the runtime's asyncio.Lock, held in a try/finally
// (`coroutine` where the runtime takes a coroutine: gather and run).
import { coroutine, print, sum } from "@pyts/runtime";
import * as asyncio from "@pyts/runtime/asyncio";

class Account {
  balance = 0;
  lock = new asyncio.Lock();

  constructor(public owner: string) {}

  async deposit(amount: number): Promise<void> {
    await this.lock.acquire();
    try {
      const current = this.balance;
      await asyncio.sleep(0.001);
      this.balance = current + amount;
    } finally {
      this.lock.release();
    }
  }

  async withdraw(amount: number): Promise<boolean> {
    await this.lock.acquire();
    try {
      if (amount > this.balance) return false;
      await asyncio.sleep(0.001);
      this.balance -= amount;
      return true;
    } finally {
      this.lock.release();
    }
  }
}

const teller = coroutine(async function teller(name: string, account: Account, amounts: number[]): Promise<void> {
  for (const amount of amounts) await account.deposit(amount);
  print(`${name} deposited ${sum(amounts)}`);
});

const main = coroutine(async function main(): Promise<void> {
  const account = new Account("Ada");
  await asyncio.gather(teller("alice", account, [10, 20, 30]), teller("bob", account, [5, 15, 25]));
  print(`${account.owner} has ${account.balance}`);
  let ok = await account.withdraw(500);
  print("withdraw 500:", ok ? "ok" : "refused");
  ok = await account.withdraw(60);
  print("withdraw 60:", ok ? "ok" : "refused", "->", account.balance);
});

await asyncio.run(main());
