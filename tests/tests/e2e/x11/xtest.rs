//! Real key presses through the X server's XTEST extension.

use std::time::Duration;

use x11rb::CURRENT_TIME;
use x11rb::connection::Connection;
use x11rb::protocol::xproto::{ConnectionExt as _, Window};
use x11rb::rust_connection::RustConnection;

use super::{atoms, titled, viewable};

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
            .find(|&w| viewable(&conn, w))
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
