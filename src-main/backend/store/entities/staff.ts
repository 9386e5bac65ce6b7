import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../../../contract';

@Entity({ name: 'staff' })
export class Staff {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'text', unique: true })
  username: string;

  @Column({ type: 'text', name: 'display_name' })
  displayName: string;

  @Column({ type: 'text' })
  role: Role;

  /** scrypt$N$r$p$salt$hash — never the password itself. */
  @Column({ type: 'text', name: 'password_hash' })
  passwordHash: string;

  @Column({ type: 'text', name: 'created_at' })
  createdAt: string;

  @Column({ type: 'integer', default: 0 })
  disabled: number;
}
