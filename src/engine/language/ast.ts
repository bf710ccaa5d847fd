/**
 * The condition-and-formula language of scenario files, as a syntax tree.
 * `at` is the offset of the node in the expression text, so problems can point at the column.
 */
export type Expr =
  | { kind: 'number'; value: number; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'ref'; scope: string | null; name: string; at: number }
  | { kind: 'unary'; op: '-' | 'not'; operand: Expr; at: number }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; at: number }
  | { kind: 'call'; fn: string; args: Expr[]; at: number };

export type BinaryOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';

export type ValueType = 'number' | 'boolean' | 'status';

export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}
