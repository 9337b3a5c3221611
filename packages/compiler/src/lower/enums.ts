// Enum classes: a class deriving from `enum`'s Enum, IntEnum, StrEnum, Flag or IntFlag (directly or
// through a user enum class). Its body's assignments are members: each is typed as an instance of
// the class, stored raw in a static field, and the runtime turns them into members when the class
// is complete (a static block calling `_init_members_`). An enum's `__init__` stays a method, which
// the runtime runs on each member (`Color(1)` is a lookup, not a construction). `@unique` runs after.
//
//     @unique                            class Color extends Enum {
//     class Color(Enum):                   static RED: Color = 1 as any;
//         RED = 1                          static GREEN: Color = auto();
//         GREEN = auto()                   static { this._init_members_(); }
//                                        }
//                                        unique(Color);
//
// `str` or `int` mixed in gives the members that type's methods and operations, as `StrEnum` and
// `IntEnum` do (their `str()` and format stay the enum's `Color.RED`); TypeScript types such a member
// as both (`Color & string`, `Level & number`), so it goes wherever an int or a str goes (`range(Level.HIGH)`;
// a value typed as the class, a parameter `lvl: Level`, is only the class):
//
//     class Color(str, Enum):            class Color extends Enum {
//         RED = "red"                        static RED: Color & string = "red" as any;
//                                            static { this._init_members_(str); }
//                                          }
import type { ClassDef, Expression } from "@pyts/parser";
import ts from "../typescript.cjs";
import type { LowerContext } from "./context.js";
import { lowerExpression } from "./index.js";
import type { ClassInfo } from "../analyze/checker.js";
import { enumValueKind, isEnumValueMixin } from "../analyze/enum-classes.js";

const f = ts.factory;

/** `static RED: Color = 1 as any;`: the raw value, typed as the member it becomes (`auto()` is typed any already). */
export function enumMemberField(ctx: LowerContext, info: ClassInfo, attr: string, value: Expression, lowered: ts.Expression): ts.ClassElement {
  // A member of an enum mixing in int or str is one too, where TypeScript sees the member itself: `Level & number`.
  const cls = f.createTypeReferenceNode(ctx.id(info.name));
  const also = enumValueKind(ctx.types, info);
  const type =
    also === null
      ? cls
      : f.createIntersectionTypeNode([cls, f.createKeywordTypeNode(also === "int" ? ts.SyntaxKind.NumberKeyword : ts.SyntaxKind.StringKeyword)]);
  const isAuto =
    value._type === "Call" && ((value.func._type === "Name" && value.func.id === "auto") || (value.func._type === "Attribute" && value.func.attr === "auto"));
  const initializer = isAuto ? lowered : f.createAsExpression(lowered, f.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword));
  return f.createPropertyDeclaration([f.createModifier(ts.SyntaxKind.StaticKeyword)], ctx.mangleMember(attr), undefined, type, initializer);
}

/** `static { this._init_members_(); }` (`_init_members_(str)` for a class mixing in `str`), last in the class body. */
export function enumMembersBlock(ctx: LowerContext, cls: ClassDef): ts.ClassElement {
  const mixin = cls.bases.find((b) => isEnumValueMixin(cls, b));
  const args = mixin?._type === "Name" ? [ctx.useRuntime(mixin.id)] : [];
  const call = f.createCallExpression(f.createPropertyAccessExpression(f.createThis(), "_init_members_"), undefined, args);
  return f.createClassStaticBlockDeclaration(f.createBlock([f.createExpressionStatement(call)], true));
}

/** A decorator allowed on an enum class: `@unique` / `@enum.unique`. */
export function isEnumDecorator(d: Expression): boolean {
  return (d._type === "Name" && d.id === "unique") || (d._type === "Attribute" && d.attr === "unique");
}

/** `unique(Color);` for each `@unique`, innermost first, after the class. */
export function enumDecoratorStatements(ctx: LowerContext, cls: ClassDef): ts.Statement[] {
  return cls.decorator_list
    .filter(isEnumDecorator)
    .reverse()
    .map((d) => f.createExpressionStatement(f.createCallExpression(lowerExpression(ctx, d), undefined, [ctx.id(cls.name)])));
}
