// SPDX-License-Identifier: GPL-3.0-or-later
// A real Bluesky PDS with an in-memory PLC (@atproto/dev-env), bound to 127.0.0.1, for tests.
//
//   node start.mjs PDS_PORT PLC_PORT [--rate-limits]
//
// --rate-limits turns on the PDS's own rate limits (off in dev-env), e.g. 30 logins per five
// minutes per identifier, so a client meets a real 429.
//
// Prints one line `@peer {"ready": true, "url": ...}` once it answers, then reads commands from
// stdin, one JSON object a line, and answers each with one `@peer <JSON>` line (the prefix tells
// answers from the PDS's own log lines):
//   {"command": "expired-access-token", "did": "did:plc:..."}
//     -> {"token": "..."}: an app-password access token signed with this PDS's own JWT key and
//        already expired, so the PDS itself answers 400 ExpiredToken to it.
// Exits when stdin closes or on SIGTERM/SIGINT.
import net from 'node:net'
import readline from 'node:readline'
import * as jose from 'jose'
import { TestNetworkNoAppView } from '@atproto/dev-env'

// dev-env listens on every interface; tests must only ever be reachable from this machine.
const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' && typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1')
  else if (args[0] && typeof args[0] === 'object' && args[0].port !== undefined) args[0] = { ...args[0], host: '127.0.0.1' }
  return listen.apply(this, args)
}

const [pdsPort, plcPort] = process.argv.slice(2, 4).map(Number)
const rateLimitsEnabled = process.argv.includes('--rate-limits')
if (!pdsPort || !plcPort) {
  console.error('usage: node start.mjs PDS_PORT PLC_PORT [--rate-limits]')
  process.exit(2)
}

const network = await TestNetworkNoAppView.create({
  plc: { port: plcPort },
  pds: { port: pdsPort, hostname: 'localhost', rateLimitsEnabled },
})

let closing = false
async function stop(code) {
  if (closing) return
  closing = true
  try {
    await network.close()
  } finally {
    process.exit(code)
  }
}
process.on('SIGTERM', () => stop(0))
process.on('SIGINT', () => stop(0))

async function expiredAccessToken(did) {
  const { accountManager } = network.pds.ctx
  const now = Math.floor(Date.now() / 1000)
  // The claims the PDS puts in an app-password access token (account-manager/helpers/auth.js).
  return new jose.SignJWT({ scope: 'com.atproto.appPass' })
    .setProtectedHeader({ typ: 'at+jwt', alg: 'HS256' })
    .setAudience(accountManager.serviceDid)
    .setSubject(did)
    .setIssuedAt(now - 3600)
    .setExpirationTime(now - 60)
    .sign(accountManager.jwtKey)
}

// Answers go to stdout with a prefix: the PDS may log there too.
const say = (value) => process.stdout.write(`@peer ${JSON.stringify(value)}\n`)

const commands = { 'expired-access-token': async ({ did }) => ({ token: await expiredAccessToken(did) }) }

say({ ready: true, url: `http://127.0.0.1:${pdsPort}`, plc: `http://127.0.0.1:${plcPort}` })

const lines = readline.createInterface({ input: process.stdin })
lines.on('line', async (line) => {
  let answer
  try {
    const request = JSON.parse(line)
    const command = commands[request.command]
    answer = command ? await command(request) : { error: `unknown command ${request.command}` }
  } catch (error) {
    answer = { error: String(error) }
  }
  say(answer)
})
lines.on('close', () => stop(0))
