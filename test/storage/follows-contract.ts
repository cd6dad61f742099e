import type { ProjectFollow } from '../../src/domain/follows';
import type { ContractContext } from './contract';

const follow = (overrides: Partial<ProjectFollow> = {}): ProjectFollow => ({
  conversationId: '19:project-chat@thread.v2',
  reference: 'DP-2026-0007',
  conversationRef: { conversation: { id: '19:project-chat@thread.v2', conversationType: 'groupChat' }, serviceUrl: 'https://smba.example/' },
  followedAt: '2026-12-01T10:00:00.000Z',
  ...overrides,
});

/** Group chats following projects: inside the Store contract. */
export function followsContract({ store: s, database }: ContractContext): void {
  describe('project follows', () => {
    it('follows once, lists by chat and by project, and unfollows', async () => {
      expect(await s().follows.follow(follow())).toBe(true);
      expect(await s().follows.follow(follow({ followedAt: '2026-12-02T10:00:00.000Z' }))).toBe(false);
      await s().follows.follow(follow({ reference: 'DP-2026-0003', followedAt: '2026-12-03T10:00:00.000Z' }));
      await s().follows.follow(follow({ conversationId: '19:other-chat@thread.v2', followedAt: '2026-11-30T10:00:00.000Z' }));

      expect(await s().follows.get('19:project-chat@thread.v2', 'DP-2026-0007')).toEqual(follow());
      expect(await s().follows.get('19:project-chat@thread.v2', 'DP-2026-0099')).toBeNull();
      expect((await s().follows.followedBy('19:project-chat@thread.v2')).map((f) => f.reference)).toEqual(['DP-2026-0003', 'DP-2026-0007']);
      expect((await s().follows.followersOf('DP-2026-0007')).map((f) => f.conversationId)).toEqual(['19:other-chat@thread.v2', '19:project-chat@thread.v2']);

      expect(await s().follows.unfollow('19:project-chat@thread.v2', 'DP-2026-0007')).toBe(true);
      expect(await s().follows.unfollow('19:project-chat@thread.v2', 'DP-2026-0007')).toBe(false);
      expect((await s().follows.followersOf('DP-2026-0007')).map((f) => f.conversationId)).toEqual(['19:other-chat@thread.v2']);
      expect((await s().follows.followedBy('19:project-chat@thread.v2')).map((f) => f.reference)).toEqual(['DP-2026-0003']);
    });

    it('lets exactly one of two stores following at once on the same database say it followed', async () => {
      const other = await database().open();
      try {
        for (let i = 0; i < 10; i++) {
          const reference = `DP-2026-01${String(i).padStart(2, '0')}`;
          const wins = await Promise.all([s().follows.follow(follow({ reference })), other.follows.follow(follow({ reference }))]);
          expect(wins.filter(Boolean)).toHaveLength(1);
        }
      } finally {
        await other.close();
      }
    });

    it('rolls a follow back with its transaction', async () => {
      await expect(
        s().transaction(async (tx) => {
          await tx.follows.follow(follow({ reference: 'DP-2026-0200' }));
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await s().follows.get('19:project-chat@thread.v2', 'DP-2026-0200')).toBeNull();
    });
  });
}
