import * as assert from 'assert';
import type { Page, PageCursor } from '../../src/cloud/paging';

/** Every page of a list, following `next` until it ends (failing the test after 200 pages). */
export async function allPages<T>(fetch: (cursor: PageCursor | undefined) => Promise<Page<T>>): Promise<Page<T>[]> {
  const pages: Page<T>[] = [];
  let cursor: PageCursor | undefined;
  do {
    const page = await fetch(cursor);
    pages.push(page);
    cursor = page.next;
    assert.ok(pages.length < 200, 'paging does not end');
  } while (cursor);
  return pages;
}
