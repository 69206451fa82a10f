/*
 * Deskfeed live status widget. Put one tag where the badges should appear:
 *
 *   <script src="https://deskfeed.example/public/USER/widget.js" async></script>
 *
 * Optional: data-target="#some-element" renders into that element instead of after the tag.
 * It reads /public/USER/events (Server-Sent Events) next to its own URL, shows one badge per public device
 * (status dot, name, current app or category, or when it was last seen) and updates on every change. It only
 * ever shows what the owner's privacy rules let /public show, and writes text with textContent, never as HTML.
 */
(function () {
  "use strict";

  var script = document.currentScript || (function () {
    var candidates = document.querySelectorAll('script[src*="/widget.js"]');
    return candidates[candidates.length - 1];
  })();
  if (!script || !script.src) {
    return;
  }
  var base = script.src.replace(/widget\.js(?:[?#].*)?$/, "");
  var colors = { online: "#3fb950", idle: "#d29922", offline: "#8b949e" };
  var state = null;

  function ensureStyle() {
    if (document.getElementById("deskfeed-widget-style")) {
      return;
    }
    var style = document.createElement("style");
    style.id = "deskfeed-widget-style";
    style.textContent =
      ".deskfeed-widget{display:flex;flex-wrap:wrap;gap:6px;font:13px/1.4 system-ui,sans-serif}" +
      ".deskfeed-device{display:inline-flex;align-items:center;gap:6px;padding:2px 8px;border-radius:999px;" +
      "background:rgba(127,127,127,.12)}" +
      ".deskfeed-dot{width:8px;height:8px;border-radius:50%;flex:none}" +
      ".deskfeed-name{font-weight:600}" +
      ".deskfeed-activity{opacity:.8}";
    (document.head || document.documentElement).appendChild(style);
  }

  function container() {
    var target = script.getAttribute("data-target");
    var found = target ? document.querySelector(target) : null;
    if (found) {
      return found;
    }
    var div = document.createElement("div");
    script.parentNode.insertBefore(div, script.nextSibling);
    return div;
  }

  var root = container();
  root.classList.add("deskfeed-widget");
  root.setAttribute("data-deskfeed-state", "connecting");
  ensureStyle();

  function ago(iso) {
    var seconds = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
    if (seconds < 60) return "just now";
    if (seconds < 3600) return Math.floor(seconds / 60) + " min ago";
    if (seconds < 172800) return Math.floor(seconds / 3600) + " h ago";
    return Math.floor(seconds / 86400) + " d ago";
  }

  function activity(device) {
    if (device.status === "offline") {
      return device.last_seen ? "last seen " + ago(device.last_seen) : "offline";
    }
    if (device.app) return device.app;
    if (device.category && device.category.length) return device.category.join(" > ");
    return device.status;
  }

  function span(className, text) {
    var element = document.createElement("span");
    element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  }

  function render() {
    if (!state) return;
    while (root.firstChild) root.removeChild(root.firstChild);
    var devices = state.devices || [];
    for (var i = 0; i < devices.length; i++) {
      var device = devices[i];
      var badge = span("deskfeed-device");
      badge.setAttribute("data-device", device.name);
      badge.setAttribute("data-status", device.status);
      if (device.title) badge.title = device.title;
      var dot = span("deskfeed-dot");
      dot.style.background = colors[device.status] || colors.offline;
      badge.appendChild(dot);
      badge.appendChild(span("deskfeed-name", device.name));
      badge.appendChild(span("deskfeed-activity", activity(device)));
      root.appendChild(badge);
    }
    root.setAttribute("data-deskfeed-state", "live");
    root.setAttribute("data-status", state.status);
  }

  function accept(text) {
    try {
      state = JSON.parse(text);
      render();
    } catch (ignored) {
      // a malformed message changes nothing
    }
  }

  function poll() {
    var request = new XMLHttpRequest();
    request.open("GET", base + "status");
    request.onload = function () {
      if (request.status === 200) accept(request.responseText);
    };
    request.send();
  }

  if (window.EventSource) {
    var events = new EventSource(base + "events");
    events.onmessage = function (message) { accept(message.data); };
    events.onerror = function () {
      if (events.readyState === EventSource.CLOSED) {
        root.setAttribute("data-deskfeed-state", "polling");
        setInterval(poll, 30000);
      }
    };
  } else {
    poll();
    setInterval(poll, 30000);
  }
  setInterval(render, 30000); // "last seen" ages
})();
