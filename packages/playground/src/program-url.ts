/** The URL the program's module has in the playground: what `__name__ == "__main__"` compares with. */
export const MAIN_URL = "playground:///main.py";
