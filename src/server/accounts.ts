import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'
import type { Pool } from 'pg'

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>

export const roles = ['reporter', 'editor', 'desk-head', 'read-only'] as const
export type Role = (typeof roles)[number]

export interface User {
  id: number
  name: string
  role: Role
  desk: string
  disabled: boolean
}

/** A token lasts a working week unless the server is told otherwise; the app signs in again after. */
export const TOKEN_DAYS = 7

async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, 32)
  return `scrypt$${salt.toString('base64')}$${key.toString('base64')}`
}

async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64')
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length)
  return timingSafeEqual(actual, expected)
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')

export async function addUser(
  pool: Pool,
  user: { name: string; password: string; role: Role; desk: string },
): Promise<User> {
  if (!roles.includes(user.role)) throw new Error(`a role is one of ${roles.join(', ')}, not "${user.role}"`)
  if (!/^[\p{L}\p{N}._@-]{1,100}$/u.test(user.name)) throw new Error(`"${user.name}" is not a usable user name`)
  if (user.password.length < 10) throw new Error('a password needs at least 10 characters')
  await pool.query('INSERT INTO desks (name) VALUES ($1) ON CONFLICT DO NOTHING', [user.desk])
  const { rows } = await pool.query<User>(
    `INSERT INTO users (name, password, role, desk) VALUES ($1, $2, $3, $4)
     RETURNING id, name, role, desk, disabled`,
    [user.name, await hashPassword(user.password), user.role, user.desk],
  )
  return rows[0]!
}

export async function listUsers(pool: Pool): Promise<User[]> {
  const { rows } = await pool.query<User>('SELECT id, name, role, desk, disabled FROM users ORDER BY desk, name')
  return rows
}

/** Disabling keeps the user's name on their stories and history; their tokens stop working at once. */
export async function disableUser(pool: Pool, name: string): Promise<void> {
  const { rowCount } = await pool.query('UPDATE users SET disabled = true WHERE name = $1', [name])
  if (!rowCount) throw new Error(`there is no user "${name}"`)
  await pool.query('DELETE FROM tokens WHERE user_id = (SELECT id FROM users WHERE name = $1)', [name])
}

/** A new token for a user whose password is right; null for a wrong name, password or a disabled user. */
export async function signIn(
  pool: Pool,
  name: string,
  password: string,
  days = TOKEN_DAYS,
): Promise<{ token: string; expiresAt: string; user: User } | null> {
  const { rows } = await pool.query<User & { password: string }>(
    'SELECT id, name, role, desk, disabled, password FROM users WHERE name = $1',
    [name],
  )
  const row = rows[0]
  // Hash even for an unknown name, so the answer takes as long either way.
  const ok = await passwordMatches(password, row?.password ?? 'scrypt$AAAAAAAAAAAAAAAAAAAAAA==$AAAA')
  if (!row || !ok || row.disabled) return null
  const token = randomBytes(32).toString('base64url')
  const expires = await pool.query<{ expires_at: Date }>(
    `INSERT INTO tokens (hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))
     RETURNING expires_at`,
    [tokenHash(token), row.id, days * 86400],
  )
  const { password: _p, ...user } = row
  return { token, expiresAt: expires.rows[0]!.expires_at.toISOString(), user }
}

/** The user a token belongs to, if it is known, unexpired and the user not disabled. */
export async function userForToken(pool: Pool, token: string | undefined | null): Promise<User | null> {
  if (!token) return null
  const { rows } = await pool.query<User>(
    `SELECT u.id, u.name, u.role, u.desk, u.disabled FROM tokens t JOIN users u ON u.id = t.user_id
      WHERE t.hash = $1 AND t.expires_at > now() AND NOT u.disabled`,
    [tokenHash(token)],
  )
  return rows[0] ?? null
}

/**
 * Why a token no longer lets its holder in, in words the app shows as they are: the editor must
 * know whether to sign in again or to ask the desk head.
 */
export async function whyRefused(pool: Pool, token: string | undefined | null): Promise<string> {
  if (!token) return 'you are not signed in to the desk: sign in under Desk…'
  const { rows } = await pool.query<{ expires_at: Date; disabled: boolean }>(
    'SELECT t.expires_at, u.disabled FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = $1',
    [tokenHash(token)],
  )
  const row = rows[0]
  if (!row) return 'the desk no longer knows this sign-in (signed out, or the account was disabled): sign in again'
  if (row.disabled) return 'your desk account is disabled: ask the desk head'
  const when = row.expires_at.toISOString().slice(0, 16).replace('T', ' ')
  return `your sign-in to the desk expired on ${when} UTC (sign-ins last ${TOKEN_DAYS} days): sign in again`
}

export interface StoryAccessFacts {
  desk: string
  owner: string
  assignee: string | null
}

/**
 * Who may do what (docs/team.md): a desk head reads and writes every desk's stories; an editor
 * reads and writes their own desk's; a reporter reads their desk's and writes the ones they own or
 * are handed; read-only reads their desk's. Nobody sees another desk's stories but a desk head.
 */
export function mayRead(user: User, story: StoryAccessFacts): boolean {
  return user.role === 'desk-head' || story.desk === user.desk
}

export function mayWrite(user: User, story: StoryAccessFacts): boolean {
  if (!mayRead(user, story)) return false
  if (user.role === 'desk-head' || user.role === 'editor') return true
  if (user.role === 'reporter') return story.owner === user.name || story.assignee === user.name
  return false
}

/**
 * Spiking takes a story out of the whole desk's list, so it is for whoever runs the story: its
 * owner, an editor of its desk, a desk head. A reporter may spike only their own (not one handed
 * to them); read-only may not.
 */
export function maySpike(user: User, story: StoryAccessFacts): boolean {
  if (!mayWrite(user, story)) return false
  return user.role !== 'reporter' || story.owner === user.name
}

/** Sign-out: the token stops working at once, before it would have expired. */
export async function revokeToken(pool: Pool, token: string): Promise<void> {
  await pool.query('DELETE FROM tokens WHERE hash = $1', [tokenHash(token)])
}

export function mayCreateOn(user: User, desk: string): boolean {
  if (user.role === 'read-only') return false
  return user.role === 'desk-head' || desk === user.desk
}
