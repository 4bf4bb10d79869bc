//! The X server's view of the app, as another X client sees it (x11rb, pure Rust, no extra
//! tools): where the window is the first time it is viewable, a real drag and drop onto it
//! ([`xdnd`]) and real key presses ([`xtest`]).

pub mod xdnd;
pub mod xtest;

use std::time::{Duration, Instant};

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ConnectionExt as _, MapState, Window};
use x11rb::rust_connection::RustConnection;

/// The atoms the tests use, by name.
pub(crate) struct Atoms {
    pub(crate) aware: u32,
    pub(crate) enter: u32,
    pub(crate) position: u32,
    pub(crate) status: u32,
    pub(crate) drop: u32,
    pub(crate) finished: u32,
    pub(crate) leave: u32,
    pub(crate) selection: u32,
    pub(crate) action_copy: u32,
    pub(crate) uri_list: u32,
    pub(crate) targets: u32,
    pub(crate) net_wm_name: u32,
    pub(crate) utf8: u32,
}

pub(crate) fn atoms(conn: &RustConnection) -> Result<Atoms, String> {
    let get = |name: &str| -> Result<u32, String> {
        conn.intern_atom(false, name.as_bytes())
            .map_err(|e| e.to_string())?
            .reply()
            .map(|r| r.atom)
            .map_err(|e| e.to_string())
    };
    Ok(Atoms {
        aware: get("XdndAware")?,
        enter: get("XdndEnter")?,
        position: get("XdndPosition")?,
        status: get("XdndStatus")?,
        drop: get("XdndDrop")?,
        finished: get("XdndFinished")?,
        leave: get("XdndLeave")?,
        selection: get("XdndSelection")?,
        action_copy: get("XdndActionCopy")?,
        uri_list: get("text/uri-list")?,
        targets: get("TARGETS")?,
        net_wm_name: get("_NET_WM_NAME")?,
        utf8: get("UTF8_STRING")?,
    })
}

/// The top-level windows titled `title`.
pub(crate) fn titled(conn: &RustConnection, root: Window, a: &Atoms, title: &str) -> Vec<Window> {
    let Some(children) = conn
        .query_tree(root)
        .ok()
        .and_then(|c| c.reply().ok())
        .map(|r| r.children)
    else {
        return Vec::new();
    };
    children
        .into_iter()
        .filter(|&w| {
            conn.get_property(false, w, a.net_wm_name, a.utf8, 0, 256)
                .ok()
                .and_then(|c| c.reply().ok())
                .is_some_and(|r| r.value == title.as_bytes())
        })
        .collect()
}

/// Whether `w` is mapped and shown.
pub(crate) fn viewable(conn: &RustConnection, w: Window) -> bool {
    conn.get_window_attributes(w)
        .ok()
        .and_then(|c| c.reply().ok())
        .is_some_and(|r| r.map_state == MapState::VIEWABLE)
}

/// Where (x, y, width, height) the window titled `title` is the first time it is viewable,
/// polling every 10 ms for up to `within`; `None` if it never is.
pub fn first_viewable_geometry(
    title: &str,
    within: Duration,
) -> Result<Option<(u32, u32, u32, u32)>, String> {
    let (conn, screen) = RustConnection::connect(None).map_err(|e| e.to_string())?;
    let root = conn.setup().roots[screen].root;
    let a = atoms(&conn)?;
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        for w in titled(&conn, root, &a, title) {
            if !viewable(&conn, w) {
                continue;
            }
            let size = conn.get_geometry(w).map_err(|e| e.to_string())?.reply();
            let at = conn
                .translate_coordinates(w, root, 0, 0)
                .map_err(|e| e.to_string())?
                .reply();
            if let (Ok(size), Ok(at)) = (size, at) {
                return Ok(Some((
                    u32::from(at.dst_x.cast_unsigned()),
                    u32::from(at.dst_y.cast_unsigned()),
                    u32::from(size.width),
                    u32::from(size.height),
                )));
            }
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    Ok(None)
}
