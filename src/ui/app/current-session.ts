import type { Session } from '../state/session.ts';

/** The run being played: one at a time, listened to while it is on show, and stopped when it is let go. */
export class CurrentSession {
  private session: Session | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly onChange: () => void) {}

  get value(): Session | null {
    return this.session;
  }

  attach(session: Session) {
    this.detach();
    this.session = session;
    this.unsubscribe = session.subscribe(() => this.onChange());
  }

  detach() {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.session?.stop();
    this.session = null;
  }
}
