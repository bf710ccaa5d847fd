import type { LivePage } from '../kit/route.ts';
import type { Library } from '../state/library.ts';
import { openJoin } from './join-page.ts';
import { openStudentTable, type LivePageHandle } from './student-page.ts';
import { openTeacherPages, type TeacherPages } from './teacher-page.ts';

/**
 * The live class's pages, loaded (with Socket.IO) only when a live address is first opened. The teacher's
 * dashboard and "take over" share one connection; every other change of page starts afresh.
 */
export class LivePages {
  private handle: LivePageHandle | null = null;
  private teacher: { code: string; pages: TeacherPages } | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly library: Library,
    private readonly go: (hash: string, replaceEntry?: boolean) => void,
  ) {}

  show(page: LivePage): void {
    if ((page.kind === 'teach' || page.kind === 'take-over') && this.teacher?.code === page.code) {
      this.teacher.pages.show(page);
      return;
    }
    this.leave();
    switch (page.kind) {
      case 'join':
        this.handle = openJoin(this.root, this.library, page.code, (hash) => this.go(hash));
        return;
      case 'table':
        this.handle = openStudentTable(this.root, this.library, page.code, (hash) => this.go(hash, true));
        return;
      case 'teach':
      case 'take-over': {
        const pages = openTeacherPages(this.root, this.library, page.code, (hash) => this.go(hash));
        pages.show(page);
        this.teacher = { code: page.code, pages };
        return;
      }
    }
  }

  /** The page leaves the live class: every connection closes. */
  leave(): void {
    this.handle?.dispose();
    this.handle = null;
    this.teacher?.pages.dispose();
    this.teacher = null;
  }
}
