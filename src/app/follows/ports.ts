import type { ProjectFollow } from '../../domain/follows';

/** The group chats that follow projects. */
export interface FollowRepository {
  /** Makes the chat follow the project; false when it already did (nothing changes). */
  follow(follow: ProjectFollow): Promise<boolean>;
  /** False when the chat did not follow the project. */
  unfollow(conversationId: string, reference: string): Promise<boolean>;
  get(conversationId: string, reference: string): Promise<ProjectFollow | null>;
  /** What one chat follows, by reference. */
  followedBy(conversationId: string): Promise<ProjectFollow[]>;
  /** The chats that follow one project, oldest first. */
  followersOf(reference: string): Promise<ProjectFollow[]>;
}
