/** One measured figure, with the goal it is held to, if any. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  goal?: { kind: 'min' | 'max'; value: number };
}
