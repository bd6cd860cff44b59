// The portal works without JavaScript. With it: the Design System's components, and new alerts appearing live in
// the page (and read out by screen readers) from the portal's same-origin Server-Sent Events relay.
import { initAll } from '/govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

const box = document.getElementById('live-alerts')
const list = document.getElementById('live-alerts-list')
const announcer = document.getElementById('live-announcer')

function link (alert) {
  const a = document.createElement('a')
  a.className = 'govuk-link'
  a.href = alert.url
  a.textContent = alert.title
  return a
}

function tag (text, colour) {
  const strong = document.createElement('strong')
  strong.className = 'govuk-tag govuk-tag--' + colour
  strong.textContent = text
  return strong
}

const COLOURS = { high: 'red', medium: 'orange', low: 'grey' }

// Adds the alert at the top of the inbox table, when the inbox is the page open; answers whether it was.
function showInInbox (alert) {
  const rows = document.getElementById('inbox-rows')
  if (!rows) {
    return false
  }
  const empty = document.getElementById('inbox-empty')
  if (empty) {
    empty.remove()
  }
  const row = document.createElement('tr')
  row.className = 'govuk-table__row'
  row.dataset.alertId = alert.alertId
  const title = document.createElement('span')
  title.appendChild(link(alert))
  title.appendChild(document.createTextNode(' '))
  title.appendChild(tag('New', 'blue ow-tag--small'))
  const cells = [title, tag(alert.priority, COLOURS[alert.priorityCode] || 'grey'), alert.raisedAt,
    'Not acknowledged']
  cells.forEach(function (content) {
    const cell = document.createElement('td')
    cell.className = 'govuk-table__cell'
    if (typeof content === 'string') {
      cell.textContent = content
    } else {
      cell.appendChild(content)
    }
    row.appendChild(cell)
  })
  rows.insertBefore(row, rows.firstChild)
  const total = document.getElementById('inbox-total')
  if (total) {
    total.textContent = String(Number(total.textContent) + 1)
  }
  return true
}

if (box && list && announcer && window.EventSource) {
  const seen = new Set()
  const source = new EventSource('/alerts/live')
  source.addEventListener('ready', function () {
    box.dataset.live = 'ready'
  })
  source.addEventListener('error', function () {
    box.dataset.live = 'reconnecting'
  })
  source.addEventListener('alert', function (event) {
    const alert = JSON.parse(event.data)
    if (seen.has(alert.alertId)) {
      return
    }
    seen.add(alert.alertId)
    if (!showInInbox(alert)) {
      // any other page: a box of new alerts above the page's content
      const item = document.createElement('li')
      item.appendChild(link(alert))
      item.appendChild(document.createTextNode(' – ' + alert.priority + ' priority, ' + alert.raisedAt))
      list.insertBefore(item, list.firstChild)
      box.hidden = false
    }
    announcer.textContent = 'New ' + alert.priority.toLowerCase() + ' priority alert: ' + alert.title
  })
}
