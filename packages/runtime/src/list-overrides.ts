// The runtime reads a list as the JavaScript array it is. A `list` subclass of the program may define the methods
// through which Python reads one (`__len__`, `__getitem__`, `__iter__`, `__eq__`, `__add__` ...): the compiler then
// imports features/list-overrides, which sets `has`, and the list operations (`len`, indexing, `in`, `==`, `+`,
// truth ...) take their general path, through the instance's methods, for an instance of such a class. A program
// without one pays the check of an unset function.
export const listOverrides: { has?: (xs: unknown[]) => boolean } = {};
