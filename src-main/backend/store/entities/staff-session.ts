import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A signed-in session. Only the SHA-256 of the bearer token is stored. */
@Entity({ name: 'staff_session' })
export class StaffSession {
  @PrimaryColumn({ type: 'text', name: 'token_hash' })
  tokenHash: string;

  @Column({ type: 'integer', name: 'staff_id' })
  staffId: number;

  @Column({ type: 'text', name: 'created_at' })
  createdAt: string;

  @Column({ type: 'text', name: 'last_seen_at' })
  lastSeenAt: string;

  @Column({ type: 'text', name: 'expires_at' })
  expiresAt: string;

  @Column({ type: 'text', name: 'ended_at', nullable: true })
  endedAt: string | null;
}
