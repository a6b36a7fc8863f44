package be.paraaf.agent;

import java.awt.BorderLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;

/**
 * The agent's window a citizen sees: who asks (the page's origin), what (the document's title and file, or a
 * login), the verification code to compare with the page, and a PIN field. Modal and always on top, so it cannot
 * hide behind the browser; closing it declines.
 */
public final class SwingConsentPrompt implements ConsentPrompt {

    @Override
    public Optional<char[]> ask(Question question) {
        AtomicReference<char[]> answer = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> answer.set(show(question)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the agent's window failed: " + e.getCause(), e.getCause());
        }
        return Optional.ofNullable(answer.get());
    }

    private static char[] show(Question question) {
        boolean signing = question.action() == Action.SIGN;
        JDialog dialog = new JDialog((java.awt.Frame) null, signing ? "paraaf — sign with your eID"
                : "paraaf — log in with your eID", true);
        dialog.setAlwaysOnTop(true);
        dialog.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        JPanel form = new JPanel(new GridBagLayout());
        form.setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        int row = 0;
        row = line(form, row, "Asked by", question.origin());
        if (signing) {
            row = line(form, row, "Document", question.documentTitle());
            row = line(form, row, "File", question.documentName());
            row = line(form, row, "Signer", question.signer());
        } else {
            row = line(form, row, "Action", "Log in to this site with your card's Authentication key");
        }
        row = line(form, row, "Code on the page", question.verificationCode());
        JPasswordField pin = new JPasswordField(8);
        pin.getAccessibleContext().setAccessibleName("eID PIN");
        GridBagConstraints label = constraints(0, row);
        form.add(new JLabel("eID PIN"), label);
        form.add(pin, constraints(1, row));
        AtomicReference<char[]> typed = new AtomicReference<>();
        JButton ok = new JButton(signing ? "Sign" : "Log in");
        JButton cancel = new JButton("Cancel");
        ok.addActionListener(event -> {
            typed.set(pin.getPassword());
            dialog.dispose();
        });
        cancel.addActionListener(event -> dialog.dispose());
        dialog.getRootPane().setDefaultButton(ok);
        JPanel buttons = new JPanel();
        buttons.add(cancel);
        buttons.add(ok);
        JLabel check = new JLabel("<html>Only go on if the code matches the one on the paraaf page.</html>");
        check.setBorder(BorderFactory.createEmptyBorder(0, 12, 0, 12));
        dialog.getContentPane().add(form, BorderLayout.NORTH);
        dialog.getContentPane().add(check, BorderLayout.CENTER);
        dialog.getContentPane().add(buttons, BorderLayout.SOUTH);
        dialog.pack();
        dialog.setLocationRelativeTo(null);
        dialog.setVisible(true); // modal: returns once OK or Cancel closed it
        return typed.get();
    }

    private static int line(JPanel form, int row, String name, String value) {
        form.add(new JLabel(name), constraints(0, row));
        form.add(new JLabel(value == null ? "—" : value), constraints(1, row));
        return row + 1;
    }

    private static GridBagConstraints constraints(int column, int row) {
        GridBagConstraints constraints = new GridBagConstraints();
        constraints.gridx = column;
        constraints.gridy = row;
        constraints.anchor = GridBagConstraints.WEST;
        constraints.insets = new Insets(3, 6, 3, 6);
        return constraints;
    }
}
