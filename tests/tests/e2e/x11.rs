//! The X server's view of the app, as another X client sees it (pure Rust, no extra tools):
//! where the window is the first time it is viewable ([`first_viewable_geometry`]), and a
//! real drag and drop onto it ([`drop_files`]) over the XDND protocol
//! (<https://freedesktop.org/wiki/Specifications/XDND/>), the way a file manager drops files:
//! this process owns the `XdndSelection`, sends Enter, Position and Drop to the window, and
//! answers GTK's request for the `text/uri-list`. GTK, WebKit, wry and Tauri then do what they
//! do for any drop. Only the person moving the mouse is missing.

use std::path::Path;
use std::time::{Duration, Instant};

use x11rb::connection::Connection;
use x11rb::protocol::Event;
use x11rb::protocol::xproto::{
    AtomEnum, ClientMessageEvent, ConnectionExt as _, CreateWindowAux, EventMask, MapState,
    PropMode, SELECTION_NOTIFY_EVENT, SelectionNotifyEvent, Window, WindowClass,
};
use x11rb::rust_connection::RustConnection;
use x11rb::wrapper::ConnectionExt as _;
use x11rb::{COPY_DEPTH_FROM_PARENT, CURRENT_TIME, NONE};

const XDND_VERSION: u32 = 5;

struct Atoms {
    aware: u32,
    enter: u32,
    position: u32,
    status: u32,
    drop: u32,
    finished: u32,
    leave: u32,
    selection: u32,
    action_copy: u32,
    uri_list: u32,
    targets: u32,
    net_wm_name: u32,
    utf8: u32,
}

fn atoms(conn: &RustConnection) -> Result<Atoms, String> {
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
fn titled(conn: &RustConnection, root: Window, a: &Atoms, title: &str) -> Vec<Window> {
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

/// The top-level window titled `title` that accepts drops.
fn find_target(conn: &RustConnection, root: Window, a: &Atoms, title: &str) -> Option<Window> {
    titled(conn, root, a, title).into_iter().find(|&w| {
        conn.get_property(false, w, a.aware, AtomEnum::ANY, 0, 1)
            .ok()
            .and_then(|c| c.reply().ok())
            .is_some_and(|r| r.value_len > 0)
    })
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
            let viewable = conn
                .get_window_attributes(w)
                .ok()
                .and_then(|c| c.reply().ok())
                .is_some_and(|r| r.map_state == MapState::VIEWABLE);
            if !viewable {
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

fn message(target: Window, kind: u32, data: [u32; 5]) -> ClientMessageEvent {
    ClientMessageEvent::new(32, target, kind, data)
}

/// Drops `files` onto the middle of the window titled `title`; returns once the window says
/// it has finished with the drop (or why it did not).
pub fn drop_files(title: &str, files: &[&Path]) -> Result<(), String> {
    let (conn, screen) = RustConnection::connect(None).map_err(|e| e.to_string())?;
    let root = conn.setup().roots[screen].root;
    let a = atoms(&conn)?;
    let target = find_target(&conn, root, &a, title)
        .ok_or_else(|| format!("no drop-aware window titled {title:?}"))?;
    let source = conn.generate_id().map_err(|e| e.to_string())?;
    conn.create_window(
        COPY_DEPTH_FROM_PARENT,
        source,
        root,
        0,
        0,
        1,
        1,
        0,
        WindowClass::INPUT_OUTPUT,
        0,
        &CreateWindowAux::new(),
    )
    .map_err(|e| e.to_string())?;
    conn.set_selection_owner(source, a.selection, CURRENT_TIME)
        .map_err(|e| e.to_string())?;
    let uris: String = files
        .iter()
        .map(|p| format!("file://{}\r\n", percent_encode(&p.to_string_lossy())))
        .collect();

    let geometry = conn
        .get_geometry(target)
        .map_err(|e| e.to_string())?
        .reply()
        .map_err(|e| e.to_string())?;
    let at = conn
        .translate_coordinates(
            target,
            root,
            i16::try_from(geometry.width / 2).unwrap_or(200),
            i16::try_from(geometry.height / 2).unwrap_or(200),
        )
        .map_err(|e| e.to_string())?
        .reply()
        .map_err(|e| e.to_string())?;
    let point = (u32::from(at.dst_x.cast_unsigned()) << 16) | u32::from(at.dst_y.cast_unsigned());

    let send = |kind: u32, data: [u32; 5]| -> Result<(), String> {
        conn.send_event(
            false,
            target,
            EventMask::NO_EVENT,
            message(target, kind, data),
        )
        .map_err(|e| e.to_string())?;
        conn.flush().map_err(|e| e.to_string())
    };
    send(
        a.enter,
        [source, XDND_VERSION << 24, a.uri_list, NONE, NONE],
    )?;
    send(a.position, [source, 0, point, CURRENT_TIME, a.action_copy])?;

    let deadline = Instant::now() + Duration::from_secs(15);
    let mut dropped = false;
    while Instant::now() < deadline {
        let Some(event) = conn.poll_for_event().map_err(|e| e.to_string())? else {
            std::thread::sleep(Duration::from_millis(10));
            continue;
        };
        match event {
            Event::ClientMessage(m) if m.type_ == a.status && !dropped => {
                let data = m.data.as_data32();
                if data[1] & 1 == 0 {
                    send(a.leave, [source, 0, 0, 0, 0])?;
                    return Err("the window refused the drag (XdndStatus without accept)".into());
                }
                send(a.drop, [source, 0, CURRENT_TIME, 0, 0])?;
                dropped = true;
            }
            Event::ClientMessage(m) if m.type_ == a.finished => return Ok(()),
            Event::SelectionRequest(r) => {
                let property = if r.target == a.uri_list {
                    conn.change_property8(
                        PropMode::REPLACE,
                        r.requestor,
                        r.property,
                        a.uri_list,
                        uris.as_bytes(),
                    )
                    .map_err(|e| e.to_string())?;
                    r.property
                } else if r.target == a.targets {
                    conn.change_property32(
                        PropMode::REPLACE,
                        r.requestor,
                        r.property,
                        AtomEnum::ATOM,
                        &[a.targets, a.uri_list],
                    )
                    .map_err(|e| e.to_string())?;
                    r.property
                } else {
                    NONE
                };
                let notify = SelectionNotifyEvent {
                    response_type: SELECTION_NOTIFY_EVENT,
                    sequence: 0,
                    time: r.time,
                    requestor: r.requestor,
                    selection: r.selection,
                    target: r.target,
                    property,
                };
                conn.send_event(false, r.requestor, EventMask::NO_EVENT, notify)
                    .map_err(|e| e.to_string())?;
                conn.flush().map_err(|e| e.to_string())?;
            }
            _ => {}
        }
    }
    Err(if dropped {
        "the window never finished the drop (XdndFinished)".into()
    } else {
        "the window never answered the drag (XdndStatus)".into()
    })
}

/// `file://` URIs escape what is not unreserved or `/`.
fn percent_encode(path: &str) -> String {
    path.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The X server's keyboard, driven through the XTEST extension: key presses enter the X
/// server as a person's would and reach the window through GTK (its accelerators and key
/// handling included), unlike WebDriver's key actions, which WebKit injects into the page.
pub struct Keyboard {
    conn: RustConnection,
    root: Window,
    /// (keysym, keycode) for every key of the server's map.
    map: Vec<(u32, u8)>,
}

/// X keysyms used by the tests.
pub mod keysym {
    /// Left Control.
    pub const CONTROL: u32 = 0xffe3;
    /// Escape.
    pub const ESCAPE: u32 = 0xff1b;
    /// F1.
    pub const F1: u32 = 0xffbe;
    /// End.
    pub const END: u32 = 0xff57;
}

impl Keyboard {
    /// Connects, and puts the pointer and the keyboard focus on the window titled `title`.
    pub fn focus(title: &str) -> Result<Self, String> {
        use x11rb::protocol::xproto::InputFocus;
        let (conn, screen) = RustConnection::connect(None).map_err(|e| e.to_string())?;
        let root = conn.setup().roots[screen].root;
        let a = atoms(&conn)?;
        let window = titled(&conn, root, &a, title)
            .into_iter()
            .find(|&w| {
                conn.get_window_attributes(w)
                    .ok()
                    .and_then(|c| c.reply().ok())
                    .is_some_and(|r| r.map_state == MapState::VIEWABLE)
            })
            .ok_or_else(|| format!("no viewable window titled {title:?}"))?;
        let (min, max) = (conn.setup().min_keycode, conn.setup().max_keycode);
        let mapping = conn
            .get_keyboard_mapping(min, max - min + 1)
            .map_err(|e| e.to_string())?
            .reply()
            .map_err(|e| e.to_string())?;
        let per = usize::from(mapping.keysyms_per_keycode.max(1));
        let map = mapping
            .keysyms
            .chunks(per)
            .zip(min..=max)
            .filter_map(|(syms, code)| syms.first().map(|&s| (s, code)))
            .filter(|&(s, _)| s != 0)
            .collect();
        let geometry = conn
            .get_geometry(window)
            .map_err(|e| e.to_string())?
            .reply()
            .map_err(|e| e.to_string())?;
        let at = conn
            .translate_coordinates(
                window,
                root,
                20,
                i16::try_from(geometry.height / 2).unwrap_or(200),
            )
            .map_err(|e| e.to_string())?
            .reply()
            .map_err(|e| e.to_string())?;
        x11rb::protocol::xtest::fake_input(
            &conn,
            x11rb::protocol::xproto::MOTION_NOTIFY_EVENT,
            0,
            CURRENT_TIME,
            root,
            at.dst_x,
            at.dst_y,
            0,
        )
        .map_err(|e| e.to_string())?;
        conn.set_input_focus(InputFocus::PARENT, window, CURRENT_TIME)
            .map_err(|e| e.to_string())?;
        conn.flush().map_err(|e| e.to_string())?;
        Ok(Self { conn, root, map })
    }

    fn code(&self, sym: u32) -> Result<u8, String> {
        self.map
            .iter()
            .find(|&&(s, _)| s == sym)
            .map(|&(_, c)| c)
            .ok_or_else(|| format!("no key for keysym {sym:#x} in the X keymap"))
    }

    fn key(&self, sym: u32, down: bool) -> Result<(), String> {
        use x11rb::protocol::xproto::{KEY_PRESS_EVENT, KEY_RELEASE_EVENT};
        let kind = if down {
            KEY_PRESS_EVENT
        } else {
            KEY_RELEASE_EVENT
        };
        x11rb::protocol::xtest::fake_input(
            &self.conn,
            kind,
            self.code(sym)?,
            CURRENT_TIME,
            self.root,
            0,
            0,
            0,
        )
        .map_err(|e| e.to_string())?;
        self.conn.flush().map_err(|e| e.to_string())?;
        std::thread::sleep(Duration::from_millis(15));
        Ok(())
    }

    /// Presses `syms` together and releases them in reverse order (lower-case letters are
    /// their own keysyms: `'a' as u32`).
    pub fn chord(&self, syms: &[u32]) -> Result<(), String> {
        for &s in syms {
            self.key(s, true)?;
        }
        for &s in syms.iter().rev() {
            self.key(s, false)?;
        }
        Ok(())
    }
}
